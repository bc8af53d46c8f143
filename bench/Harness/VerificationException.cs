using System;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>Two variants of a benchmark row disagreed: timing them would compare different work.</summary>
public sealed class VerificationException : Exception
{
    public VerificationException(string message)
        : base(message)
    {
    }

    public VerificationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public VerificationException()
    {
    }
}
