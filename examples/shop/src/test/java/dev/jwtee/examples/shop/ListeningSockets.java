package dev.jwtee.examples.shop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the TCP sockets that a Linux process listens on, read from {@code /proc}: the socket
 * inodes come from {@code /proc/PID/fd}, and their local addresses from
 * {@code /proc/PID/net/tcp} and {@code /proc/PID/net/tcp6}.
 */
final class ListeningSockets {

    /** Value of the {@code st} column for a socket in the LISTEN state. */
    private static final String TCP_LISTEN = "0A";

    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

    private ListeningSockets() {
    }

    /** Returns whether this machine exposes the {@code /proc} files that this class reads. */
    static boolean isSupported() {
        return Files.isReadable(Path.of("/proc/self/net/tcp"));
    }

    /**
     * Returns the local address of every TCP socket in the LISTEN state that the process owns.
     *
     * @throws IOException if {@code /proc} cannot be read for that process
     */
    static List<InetSocketAddress> listeningAddresses(long pid) throws IOException {
        Set<String> inodes = socketInodes(pid);
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            // The first line contains the column names.
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                // Columns: sl local_address rem_address st ... uid timeout inode
                if (TCP_LISTEN.equals(columns[3]) && inodes.contains(columns[9])) {
                    listening.add(parseAddress(columns[1]));
                }
            }
        }
        return listening;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        Path fdDir = Path.of("/proc", Long.toString(pid), "fd");
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(fdDir)) {
            for (Path descriptor : descriptors) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException closedMeanwhile) {
                    // The process closed this descriptor after the directory was listed.
                    continue;
                }
                Matcher matcher = SOCKET_LINK.matcher(target);
                if (matcher.matches()) {
                    inodes.add(matcher.group(1));
                }
            }
        }
        return inodes;
    }

    /**
     * Parses a {@code local_address} column such as {@code 0100007F:1F90}. The kernel prints
     * the address as 32-bit words, each word's bytes in the machine's byte order, so on a
     * little-endian machine (x86, arm64) the bytes of each word are reversed here.
     */
    static InetSocketAddress parseAddress(String column) throws UnknownHostException {
        int colon = column.indexOf(':');
        String hexAddress = column.substring(0, colon);
        int port = Integer.parseInt(column.substring(colon + 1), 16);
        boolean littleEndian = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        byte[] address = new byte[hexAddress.length() / 2];
        for (int i = 0; i < address.length; i++) {
            int value = Integer.parseInt(hexAddress.substring(i * 2, i * 2 + 2), 16);
            int wordStart = i - i % 4;
            int target = littleEndian ? wordStart + 3 - i % 4 : i;
            address[target] = (byte) value;
        }
        return new InetSocketAddress(InetAddress.getByAddress(address), port);
    }
}
