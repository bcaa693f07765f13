package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.0.9",
                "0.0.0.0",
                "10.0.0.1",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254", // the usual cloud metadata address
                "100.100.100.200", // Alibaba Cloud's metadata address
                "100.64.0.1",
                "224.0.0.251",
                "239.255.255.250",
                "255.255.255.255",
                "::",
                "::1",
                "fe80::1",
                "fd12:3456::1",
                "ff02::1",
                "::ffff:127.0.0.1", // IPv4-mapped
                "::ffff:169.254.169.254",
                "::10.0.0.1", // IPv4-compatible
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "2002:7f00:1::1", // 6to4 of 127.0.0.1
                "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo, to 127.0.0.1 (its client bits inverted)
                "64:ff9b:1::a9fe:a9fe" // local-use NAT64
            })
    void forbidsInternalAddresses(String address) throws UnknownHostException {
        assertThat(AddressRanges.isForbidden(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::1111"})
    void allowsPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressRanges.isForbidden(InetAddress.getByName(address))).isFalse();
    }

    /**
     * A resolver hands an AAAA record back as an {@link Inet6Address} whatever its form, even {@code ::ffff:a.b.c.d},
     * which Java's literal parser would have turned into IPv4: each form that embeds an IPv4 address is judged by it.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "::ffff:6464:64c8", // IPv4-mapped 100.100.100.200, Alibaba Cloud's metadata
                "::ffff:7f00:1", // IPv4-mapped 127.0.0.1
                "::ffff:a9fe:a9fe", // IPv4-mapped 169.254.169.254
                "::ffff:a00:1", // IPv4-mapped 10.0.0.1
                "::ffff:0:6464:64c8", // IPv4-translated (SIIT) 100.100.100.200
                "::ffff:0:7f00:1", // IPv4-translated 127.0.0.1
                "::6464:64c8", // IPv4-compatible 100.100.100.200
                "64:ff9b::6464:64c8", // NAT64 of 100.100.100.200
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "2002:6464:64c8::1", // 6to4 of 100.100.100.200
                "2001:0:808:808::9b9b:9b37", // Teredo, client 100.100.100.200 (inverted), server 8.8.8.8
                "64:ff9b:1::808:808" // local-use NAT64: refused whatever it embeds
            })
    void forbidsInternalIpv4AddressesInsideResolvedIpv6Addresses(String address) throws UnknownHostException {
        Inet6Address resolved = resolvedIpv6(address);

        assertThat(AddressRanges.isForbidden(resolved)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:808:808", "::ffff:0:808:808", "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicIpv4AddressesInsideResolvedIpv6Addresses(String address) throws UnknownHostException {
        assertThat(AddressRanges.isForbidden(resolvedIpv6(address))).isFalse();
    }

    /** The address as a resolver returns it: 16 bytes in an {@link Inet6Address}, never turned into IPv4. */
    static Inet6Address resolvedIpv6(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        byte[] bytes = new byte[16];
        if (parsed instanceof Inet4Address) { // the parser's doing for ::ffff:a.b.c.d: put the mapped form back
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, bytes, 12, 4);
        } else {
            bytes = parsed.getAddress();
        }
        Inet6Address resolved = Inet6Address.getByAddress("resolved.example", bytes, -1);
        assertThat(resolved).isInstanceOf(Inet6Address.class);
        return resolved;
    }
}
