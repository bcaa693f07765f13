package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

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
}
