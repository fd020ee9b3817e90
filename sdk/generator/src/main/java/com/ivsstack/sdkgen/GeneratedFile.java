package com.ivsstack.sdkgen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One file the generator writes: its path relative to the output root, and its text. */
public record GeneratedFile(String path, String content) {

    /**
     * The files sorted by path, so that generating twice gives the same order.
     *
     * @throws IllegalStateException when two files have one path: two schema entries that make the same name
     */
    public static List<GeneratedFile> sortedByPath(List<GeneratedFile> files) {
        var sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(GeneratedFile::path));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).path().equals(sorted.get(i - 1).path())) {
                throw new IllegalStateException("two schema entries generate " + sorted.get(i).path()
                        + "; rename one of them in schema.json");
            }
        }
        return sorted;
    }
}
