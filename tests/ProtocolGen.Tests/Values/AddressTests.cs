using System;
using System.Net;
using Xunit;

namespace ProtocolGen.Tests.Values;

public sealed class AddressTests
{
    [Fact]
    public void Ipv4_ConvertsToAndFromIPAddress_AndPrintsDottedQuad()
    {
        var address = new Ipv4Address(192, 168, 0, 1);

        Assert.Equal("192.168.0.1", address.ToString());
        Assert.Equal(IPAddress.Parse("192.168.0.1"), address.ToIPAddress());
        Assert.Equal(address, Ipv4Address.FromIPAddress(IPAddress.Parse("192.168.0.1")));
        Assert.Equal(address, Ipv4Address.Parse("192.168.0.1"));
        Assert.Equal(new byte[] { 192, 168, 0, 1 }, address.GetBytes());
    }

    [Fact]
    public void Ipv6_ConvertsToAndFromIPAddress_AndPrintsRfc5952Text()
    {
        var address = Ipv6Address.Parse("FE80:0:0:0:0:0:0:1");

        Assert.Equal("fe80::1", address.ToString());
        Assert.Equal(IPAddress.Parse("fe80::1"), address.ToIPAddress());
        Assert.Equal(address, new Ipv6Address(IPAddress.Parse("fe80::1").GetAddressBytes()));
    }

    [Fact]
    public void TheWrongFamilyOrLength_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Ipv4Address.FromIPAddress(IPAddress.IPv6Loopback));
        Assert.Throws<ArgumentException>(() => Ipv6Address.FromIPAddress(IPAddress.Loopback));
        Assert.Throws<ArgumentException>(() => new Ipv4Address(new byte[5]));
        Assert.False(Ipv4Address.TryParse("::1", out _));
        Assert.False(Ipv6Address.TryParse("1.2.3.4", out _));
    }

    [Fact]
    public void Addresses_FormatIntoSpansWithoutAllocating()
    {
        Span<char> text = stackalloc char[64];

        Assert.True(new Ipv4Address(255, 255, 255, 255).TryFormat(text, out var written, default, null));
        Assert.Equal("255.255.255.255", text.Slice(0, written).ToString());
        Assert.False(new Ipv4Address(255, 255, 255, 255).TryFormat(text.Slice(0, 5), out _, default, null));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1..2.3")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.4.")]
    [InlineData("")]
    public void Ipv4Text_MustBeAStrictDottedQuad(string text)
    {
        Assert.False(Ipv4Address.TryParse(text, out _));
    }
}
