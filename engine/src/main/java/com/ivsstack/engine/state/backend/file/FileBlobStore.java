package com.ivsstack.engine.state.backend.file;

import com.ivsstack.engine.state.backend.BackendException;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.RecordedLease;
import com.ivsstack.engine.state.backend.VersionConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Objects as files under a directory (Pulumi's file backend: {@code file://DIR}). A write goes to a temporary file
 * beside the target, flushed to the disk, renamed over it, and the rename flushed too, so neither a crash of the
 * process nor one of the machine leaves half an object. A version is the file's identity (its inode), modification
 * time and size: every write renames a new file in, so each write has a new one. Conditional writes compare it
 * without an atomic primitive of the file system: they are made under the stack's operating-system lock, which is
 * what excludes a second writer here.
 */
public final class FileBlobStore implements BlobStore {
    /** The most bytes given to one channel write (see {@link #replace}). */
    private static final int WRITE_SLICE = 256 * 1024;
    /**
     * The lock files this JVM holds. A JVM must not open a second channel on a file it holds a lock on: closing any
     * channel of a file releases every lock the process holds on it (POSIX record locks), so a refused second
     * attempt in the same JVM is answered from here.
     */
    private static final java.util.Set<Path> HELD = new java.util.HashSet<>();

    private final BackendUrl url;
    private final Path root;

    public FileBlobStore(BackendUrl url) {
        this.url = url;
        this.root = url.directory();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new BackendException(BackendException.Kind.MISSING, url.toString(), "it is a file, not a directory",
                    "point the backend at a directory");
        }
    }

    @Override
    public boolean leasesEndWithHolder() {
        return true;
    }

    @Override
    public BackendUrl url() {
        return url;
    }

    /** The file of a key. */
    public Path path(String key) {
        return root.resolve(key);
    }

    @Override
    public Optional<Blob> read(String key) {
        Path file = path(key);
        try {
            for (int attempt = 0; ; attempt++) {
                BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
                byte[] data = Files.readAllBytes(file);
                BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
                if (version(before).equals(version(after)) || attempt == 3) {
                    return Optional.of(new Blob(data, version(after), after.lastModifiedTime().toInstant()));
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read", key, e);
        }
    }

    private static String version(BasicFileAttributes attributes) {
        return attributes.fileKey() + "/" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "/" + attributes.size();
    }

    private Optional<String> currentVersion(Path file) throws IOException {
        try {
            return Optional.of(version(Files.readAttributes(file, BasicFileAttributes.class)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public String write(String key, byte[] data) {
        Path file = path(key);
        try {
            return replace(file, data, data.length);
        } catch (IOException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public synchronized String writeIf(String key, byte[] data, int length, String expectedVersion) {
        Path file = path(key);
        try {
            Optional<String> current = currentVersion(file);
            if (!current.equals(Optional.ofNullable(expectedVersion))) {
                throw new VersionConflictException(key, expectedVersion);
            }
            return replace(file, data, length);
        } catch (IOException e) {
            throw failure("write", key, e);
        }
    }

    private String replace(Path file, byte[] data, int length) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                // In slices: the JDK copies a heap buffer into a direct buffer as large as what is written, and keeps
                // it for the writing thread. Whole checkpoints (21 MB at 10,000 resources) written by the many
                // threads that commit steps kept gigabytes of native memory, until direct memory ran out mid-up.
                for (int offset = 0; offset < length; offset += WRITE_SLICE) {
                    ByteBuffer buffer = ByteBuffer.wrap(data, offset, Math.min(WRITE_SLICE, length - offset));
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(directory);
        return currentVersion(file).orElseThrow();
    }

    /** Flushes a directory's entries (the renames into it); file systems that cannot open a directory skip it. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; its file system journals the rename itself.
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public List<Entry> list(String prefix) {
        int slash = prefix.lastIndexOf('/');
        Path directory = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String key = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                // Pulumi's fileblob keeps attributes beside each object; temporary files are writes under way.
                if (!key.startsWith(prefix) || key.endsWith(".attrs") || key.endsWith(".tmp") || !Files.isRegularFile(file)) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                entries.add(new Entry(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
            }
        } catch (NoSuchFileException | UncheckedIOException e) {
            // a file renamed or deleted while listing: list what is there now
            return e instanceof UncheckedIOException ? list(prefix) : entries;
        } catch (IOException e) {
            throw failure("list", prefix, e);
        }
        entries.sort(java.util.Comparator.comparing(Entry::key));
        return entries;
    }

    /** A hard link holds the object without copying it (objects are never changed in place, only replaced). */
    @Override
    public void copy(String from, String to) {
        Path source = path(from);
        Path target = path(to);
        try {
            if (!Files.exists(source)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".link.tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createLink(tmp, source);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING); // a file system without hard links
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw failure("copy", from, e);
        }
    }

    @Override
    public Lease lease(String holdKey, String recordKey, byte[] record) {
        Path lockFile = path(holdKey).toAbsolutePath().normalize();
        try {
            Files.createDirectories(lockFile.getParent());
            FileLock lock;
            FileChannel channel;
            synchronized (HELD) {
                if (HELD.contains(lockFile)) {
                    lock = null;
                    channel = null;
                } else {
                    channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.READ);
                    try {
                        lock = channel.tryLock();
                    } catch (OverlappingFileLockException e) {
                        lock = null;
                    }
                    if (lock == null) {
                        channel.close();
                    } else {
                        HELD.add(lockFile);
                    }
                }
            }
            if (lock == null) {
                throw new LeaseHeldException(holdKey, RecordedLease.holderRecord(this, recordKey));
            }
            FileLock held = lock;
            return RecordedLease.record(this, recordKey, record, () -> {
                synchronized (HELD) {
                    try {
                        held.release();
                        channel.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        HELD.remove(lockFile);
                    }
                }
            });
        } catch (IOException e) {
            throw failure("lock", holdKey, e);
        }
    }

    @Override
    public boolean leaseHeld(String holdKey, String recordKey) {
        Path lockFile = path(holdKey).toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.contains(lockFile)) {
                return true;
            }
            if (!Files.exists(lockFile)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return true;
                }
                lock.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                throw failure("lock", holdKey, e);
            }
        }
    }

    private BackendException failure(String operation, String key, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new BackendException(BackendException.Kind.ACCESS_DENIED, url.toString(), "permission denied to "
                    + operation + " " + key, "give this user read and write access to " + root, e);
        }
        return new BackendException(BackendException.Kind.FAILED, url.toString(), "cannot " + operation + " " + key
                + ": " + e, "check the directory " + root, e);
    }

    @Override
    public void close() {
    }
}
