package com.ivsstack.sdkgen;

/** One file the generator writes: its path relative to the output root, and its text. */
public record GeneratedFile(String path, String content) {}
