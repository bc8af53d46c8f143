using System;
using ProtocolGen.Benchmarks.Handlers;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Views;

/// <summary>
/// A view handler with a method for log lines only: every other kind takes the generated default route to
/// <see cref="HandleOther"/>, which tallies it from its body. Equal tallies show that the default route keeps the
/// struct's state (a default method run on a boxed copy would lose it); 0 B per frame shows that it boxes nothing.
/// </summary>
public struct DefaultRoutedViewHandler : Info.IViewHandler
{
    private ViewTallyHandler _tally;

    public readonly InfoTally Tally => _tally.Tally;

    public void Handle(LogLine.View packet) => _tally.Handle(packet);

    public void HandleOther(byte packetType, ReadOnlySpan<byte> body)
    {
        // The body was checked for its kind before it got here, so the views need no second check.
        switch (packetType)
        {
            case 1:
                _tally.Handle(new ConnectionV4.View(body));
                break;
            case 2:
                _tally.Handle(new ConnectionV6.View(body));
                break;
            case 3:
                _tally.Handle(new ConnectionEndV4.View(body));
                break;
            case 4:
                _tally.Handle(new ConnectionEndV6.View(body));
                break;
            case 5:
                _tally.Handle(new BandwidthStatsV4.View(body));
                break;
            case 6:
                _tally.Handle(new BandwidthStatsV6.View(body));
                break;
        }
    }

    public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => _tally.HandleUnknown(packetType, body);

    public void HandleError(ProtocolError error) => _tally.HandleError(error);

    /// <summary>Runs the generated view reader over a buffer that holds a whole stream.</summary>
    public static InfoTally OverSpan(ReadOnlySpan<byte> stream)
    {
        var handler = default(DefaultRoutedViewHandler);
        Info.ReadViews(stream, ref handler);
        return handler.Tally;
    }
}
