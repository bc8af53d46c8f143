using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace ProtocolGen.Cli;

/// <summary>
/// Shows how far a long run has got, on one self-overwriting line of a terminal. Silent when standard error
/// is not a terminal (so logs and pipes stay clean), when the output goes to that terminal too (so the line
/// never breaks into output lines), and during the first second (so short runs never flicker).
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly long Delay = Stopwatch.Frequency;
    private static readonly long Interval = Stopwatch.Frequency / 5;

    private readonly TextWriter _output;
    private readonly bool _enabled;
    private readonly long? _totalBytes;
    private readonly string _unit;
    private long _next;
    private bool _shown;

    public ProgressReporter(TextWriter output, bool enabled, long? totalBytes, string unit)
    {
        _output = output;
        _enabled = enabled;
        _totalBytes = totalBytes;
        _unit = unit;
        _next = Stopwatch.GetTimestamp() + Delay;
    }

    /// <summary>Notes progress; prints at most five times a second.</summary>
    public void Report(long bytes, long items)
    {
        if (!_enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (now < _next)
        {
            return;
        }

        _next = now + Interval;
        _shown = true;
        var done = _totalBytes is > 0 and { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{Mebibytes(bytes):F1} of {Mebibytes(total):F1} MiB ({100.0 * bytes / total:F0}%)")
            : string.Create(CultureInfo.InvariantCulture, $"{Mebibytes(bytes):F1} MiB");
        _output.Write(string.Create(CultureInfo.InvariantCulture, $"\r{done}, {items} {_unit}\u001b[K"));
        _output.Flush();
    }

    /// <summary>Clears the progress line, if one was shown, so the summary starts on a clean line.</summary>
    public void Complete()
    {
        if (_shown)
        {
            _output.Write("\r\u001b[K");
            _shown = false;
        }
    }

    private static double Mebibytes(long bytes) => bytes / (1024.0 * 1024.0);
}
