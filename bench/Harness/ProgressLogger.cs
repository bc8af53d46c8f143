using BenchmarkDotNet.Loggers;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>Passes on only which case is running and errors, so that the ratio table is what the run prints.</summary>
internal sealed class ProgressLogger(ILogger inner) : ILogger
{
    private bool _lineIsShown;

    public string Id => nameof(ProgressLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text)
    {
        _lineIsShown = text.StartsWith("// Benchmark: ", System.StringComparison.Ordinal) || logKind == LogKind.Error;
        if (_lineIsShown)
        {
            inner.Write(logKind, text);
        }
    }

    public void WriteLine()
    {
        if (_lineIsShown)
        {
            inner.WriteLine();
            _lineIsShown = false;
        }
    }

    public void WriteLine(LogKind logKind, string text)
    {
        if (text.StartsWith("// Benchmark: ", System.StringComparison.Ordinal) || logKind == LogKind.Error)
        {
            inner.WriteLine(logKind, text);
        }
    }

    public void Flush() => inner.Flush();
}
