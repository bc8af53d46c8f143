using System;

namespace ProtocolGen;

/// <summary>Thrown where an API decodes a single frame or body and it is bad.</summary>
public sealed class ProtocolException : Exception
{
    /// <summary>Wraps <paramref name="error"/>.</summary>
    public ProtocolException(ProtocolError error)
        : base(error.Message) => Error = error;

    /// <summary>What went wrong, and where.</summary>
    public ProtocolError Error { get; }
}
