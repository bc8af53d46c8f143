using System.Collections.Immutable;
using ProtocolGen.Json;
using ProtocolGen.Portmaster;
using ProtocolGen.Tests.Captures;
using ProtocolGen.Tests.Codecs;
using ProtocolGen.Tests.Schemas;
using Xunit;
using static ProtocolGen.Tests.Json.JsonTestHelpers;

namespace ProtocolGen.Tests.Json;

public sealed class PacketJsonTests
{
    [Fact]
    public void AConnection_IsWrittenWithItsKindAndSnakeCaseFields_UnnamedEnumsAsNumbers()
    {
        var json = ToJson(CaptureValues.ExpectedInfo(1));

        Assert.Equal(
            """{"kind":"ConnectionV4","id":1,"process_id":2,"direction":3,"protocol":4,"local_ip":"1.2.3.4","remote_ip":"2.3.4.5","local_port":5,"remote_port":6,"payload_layer":7,"payload":"0102030405060708090a"}""",
            json);
    }

    [Fact]
    public void AVerdict_UsesThePacketNameAndTheEnumName()
    {
        Assert.Equal("""{"kind":"Verdict","id":1,"verdict":"Accept"}""", ToJson<Command>(new VerdictCommand(1, Verdict.Accept)));
        Assert.Equal("""{"kind":"Shutdown"}""", ToJson<Command>(new Shutdown()));
    }

    [Fact]
    public void BandwidthValues_AreAnArrayOfObjects_AndIpv6AddressesText()
    {
        var json = ToJson(CaptureValues.ExpectedInfo(6));

        Assert.StartsWith("""{"kind":"BandwidthStatsV6","protocol":"Icmp","values":[{"local_ip":"102:304:506:708:90a:b0c:d0e:f10","local_port":1,""", json);
    }

    [Theory]
    [MemberData(nameof(PortmasterRoundTripTests.Infos), MemberType = typeof(PortmasterRoundTripTests))]
    public void EveryInfo_SurvivesAJsonRoundTrip(string scenario, Info info)
    {
        Assert.True(info.Equals(FromJson<Info>(ToJson(info))), scenario);
    }

    [Theory]
    [MemberData(nameof(PortmasterRoundTripTests.Commands), MemberType = typeof(PortmasterRoundTripTests))]
    public void EveryCommand_SurvivesAJsonRoundTrip(string scenario, Command command)
    {
        Assert.True(command.Equals(FromJson<Command>(ToJson(command))), scenario);
    }

    [Theory]
    [MemberData(nameof(TelemetryRoundTripTests.Packets), MemberType = typeof(TelemetryRoundTripTests))]
    public void InterfaceUnionsAndStructPackets_SurviveAJsonRoundTrip(ITelemetry packet)
    {
        Assert.Equal(packet, FromJson<ITelemetry>(ToJson(packet)));
    }

    [Fact]
    public void EnumsRead_FromNamesOrNumbers()
    {
        var byName = FromJson<Command>("""{"kind":"Verdict","id":7,"verdict":"PermanentDrop"}""");
        var byNumber = FromJson<Command>("""{"kind":"Verdict","id":7,"verdict":7}""");
        var unnamed = FromJson<Command>("""{"kind":"Verdict","id":7,"verdict":200}""");

        Assert.Equal(new VerdictCommand(7, Verdict.PermanentDrop), byName);
        Assert.Equal(byName, byNumber);
        Assert.Equal(new VerdictCommand(7, (Verdict)200), unnamed);
    }

    [Theory]
    [InlineData("""{"kind":"Verdict","id":7,"verdict":"Maybe"}""", "verdict", "\"Maybe\" is not a Verdict name")]
    [InlineData("""{"kind":"Verdict","verdict":"Accept"}""", "id", "missing")]
    [InlineData("""{"kind":"Verdict","id":-1,"verdict":"Accept"}""", "id", "expected a 64-bit unsigned integer, found -1")]
    [InlineData("""{"kind":"Launch"}""", "kind", "\"Launch\" is not a packet of Command")]
    [InlineData("""{"id":1}""", "kind", "missing")]
    [InlineData("""{"kind":"UpdateV4","protocol":6,"local_address":"1.2.3","local_port":1,"remote_address":"1.2.3.4","remote_port":2,"verdict":2}""", "local_address", "expected dotted-quad IPv4 text")]
    public void ABadField_IsNamedInTheError(string json, string field, string problem)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>(json));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void AnErrorInsideAnArray_NamesTheElementAndItsField()
    {
        var json = ToJson(CaptureValues.ExpectedInfo(5)).Replace("\"remote_port\":6", "\"remote_port\":\"six\"");

        var error = Assert.Throws<WireJsonException>(() => FromJson<Info>(json));

        Assert.Equal("values[1].remote_port", error.Field);
    }

    [Fact]
    public void HexOfTheWrongLength_IsRefusedForFixedLengthFields()
    {
        var json = ToJson<ITelemetry>(new Samples(new byte[3], [], ImmutableArray<Tag>.Empty)).Replace("\"000000\"", "\"0000\"");

        var error = Assert.Throws<WireJsonException>(() => FromJson<ITelemetry>(json));

        Assert.Equal("station", error.Field);
        Assert.Contains("exactly 3 bytes", error.Problem);
    }
}
