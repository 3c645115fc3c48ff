package dev.jwtee.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parsing of {@code /proc/net/tcp} addresses as a little-endian Linux kernel prints them. */
class ListeningSocketsTest {

    @BeforeEach
    void requireLittleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN,
                "the sample columns are in little-endian word order");
    }

    @Test
    void parsesIpv4Loopback() throws Exception {
        InetSocketAddress socket = ListeningSockets.parseAddress("0100007F:1F90");

        assertEquals(InetAddress.getByName("127.0.0.1"), socket.getAddress());
        assertEquals(8080, socket.getPort());
        assertTrue(socket.getAddress().isLoopbackAddress());
    }

    @Test
    void parsesIpv4Wildcard() throws Exception {
        InetSocketAddress socket = ListeningSockets.parseAddress("00000000:1AF4");

        assertTrue(socket.getAddress().isAnyLocalAddress());
        assertEquals(6900, socket.getPort());
        assertFalse(socket.getAddress().isLoopbackAddress());
    }

    @Test
    void parsesIpv6Loopback() throws Exception {
        InetSocketAddress socket =
                ListeningSockets.parseAddress("00000000000000000000000001000000:1F90");

        assertEquals(InetAddress.getByName("::1"), socket.getAddress());
        assertTrue(socket.getAddress().isLoopbackAddress());
    }

    @Test
    void parsesIpv4MappedLoopback() throws Exception {
        InetSocketAddress socket =
                ListeningSockets.parseAddress("0000000000000000FFFF00000100007F:1AF4");

        assertEquals(InetAddress.getByName("127.0.0.1"), socket.getAddress());
        assertEquals(6900, socket.getPort());
        assertTrue(socket.getAddress().isLoopbackAddress());
    }

    @Test
    void parsesIpv6Wildcard() throws Exception {
        InetSocketAddress socket =
                ListeningSockets.parseAddress("00000000000000000000000000000000:1F90");

        assertTrue(socket.getAddress().isAnyLocalAddress());
        assertFalse(socket.getAddress().isLoopbackAddress());
    }

    @Test
    void parsesIpv6GlobalAddress() throws Exception {
        // 2001:db8::1, a documentation address.
        InetSocketAddress socket =
                ListeningSockets.parseAddress("B80D0120000000000000000001000000:0050");

        assertEquals(InetAddress.getByName("2001:db8::1"), socket.getAddress());
        assertEquals(80, socket.getPort());
        assertFalse(socket.getAddress().isLoopbackAddress());
    }
}
