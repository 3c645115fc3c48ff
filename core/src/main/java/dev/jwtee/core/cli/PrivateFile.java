package dev.jwtee.core.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that contain private keys: readable and writable by their owner only where the
 * file system has POSIX permissions, and never over an existing file unless asked to.
 */
final class PrivateFile {

    private PrivateFile() {
    }

    /**
     * Writes {@code text} to {@code path}.
     *
     * @param path the file to write
     * @param text the content, written as UTF-8
     * @param replace whether an existing file is replaced; it is replaced in one rename, so
     *     no reader sees a partial file
     * @throws UsageException if the file exists and {@code replace} is false, or it cannot be
     *     written
     */
    static void write(Path path, String text, boolean replace) {
        if (Files.isDirectory(path)) {
            throw new UsageException(path + " is a directory");
        }
        try {
            if (replace) {
                replace(path, text);
            } else {
                create(path, text);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(path + " already exists; pass --force to replace it");
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot write " + path + ": its directory does not exist");
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot write " + path + ": permission denied");
        } catch (IOException e) {
            throw new UsageException("cannot write " + path + ": " + e.getMessage());
        }
    }

    private static void create(Path path, String text) throws IOException {
        Files.createFile(path, ownerOnly(path));
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    private static void replace(Path path, String text) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, ".jwtee-", ".tmp", ownerOnly(path));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path) {
        Path directory = path.toAbsolutePath().getParent();
        boolean posix = directory != null && directory.getFileSystem()
                .supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        };
    }
}
