using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Samples.Pcap;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// The option lists' check, which the frame reader runs without building records, against reading them: on the
/// captures' own options and on every one-byte change of them, both accept or both refuse, with the same error at the
/// same byte.
/// </summary>
public sealed class OptionCheckTests
{
    [Fact]
    public void CheckingIpv4Options_AgreesWithReadingThem_OnEveryOneByteChange()
    {
        var lists = Capture.Loopback.Frames.Select(f => f.Network).OfType<Ipv4Packet>().Select(ip => ip.Options.ToArray()).Where(o => o.Length > 0).ToList();

        Assert.NotEmpty(lists);
        var refused = 0;
        foreach (var options in Mutations(lists))
        {
            var read = Ipv4Options.TryRead(options, out _, out var readFault, out var readOffset);
            var check = Ipv4Options.TryCheck(options, out var checkFault, out var checkOffset);
            Assert.Equal((read, readFault, readOffset), (check, checkFault, checkOffset));
            refused += read ? 0 : 1;
        }

        Assert.True(refused > 0, "some change is refused, so the refusals were compared too");
    }

    [Fact]
    public void CheckingTcpOptions_AgreesWithReadingThem_OnEveryOneByteChange()
    {
        var lists = Capture.Loopback.Frames.Select(f => f.Transport).OfType<TcpSegment>().Select(t => t.Options.ToArray()).Where(o => o.Length > 0).ToList();

        Assert.NotEmpty(lists);
        var refused = 0;
        foreach (var options in Mutations(lists))
        {
            var read = TcpOptions.TryRead(options, out _, out var readFault, out var readOffset);
            var check = TcpOptions.TryCheck(options, out var checkFault, out var checkOffset);
            Assert.Equal((read, readFault, readOffset), (check, checkFault, checkOffset));
            refused += read ? 0 : 1;
        }

        Assert.True(refused > 0, "some change is refused, so the refusals were compared too");
    }

    // Each list as it is, then with each byte changed to each of a few values (a kind, a length, its bits flipped).
    private static IEnumerable<byte[]> Mutations(List<byte[]> lists)
    {
        foreach (var options in lists)
        {
            yield return options;
            for (var at = 0; at < options.Length; at++)
            {
                foreach (var value in new byte[] { 0, 1, 2, 5, 8, 40, 255, (byte)~options[at] })
                {
                    var changed = (byte[])options.Clone();
                    changed[at] = value;
                    yield return changed;
                }
            }
        }
    }
}
