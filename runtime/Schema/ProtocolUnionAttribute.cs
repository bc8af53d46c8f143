using System;

namespace ProtocolGen;

/// <summary>
/// Marks the root of a protocol: an abstract partial record (its packets derive from it) or a partial
/// interface (its packets, class or struct records, implement it). The generator adds frame encoding and
/// decoding that dispatch on the packet type.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = false)]
public sealed class ProtocolUnionAttribute : Attribute
{
    /// <summary>Declares a union framed as <paramref name="frameFormat"/>.</summary>
    public ProtocolUnionAttribute(FrameFormat frameFormat) => FrameFormat = frameFormat;

    /// <summary>
    /// Declares a union whose frames are a <paramref name="header"/> (a <see cref="FrameHeaderAttribute">[FrameHeader]</see>
    /// record) and then a body.
    /// </summary>
    public ProtocolUnionAttribute(Type header)
    {
        Header = header;
        FrameFormat = FrameFormat.Header;
    }

    /// <summary>How the union's packets are framed.</summary>
    public FrameFormat FrameFormat { get; }

    /// <summary>The <c>[FrameHeader]</c> record that frames the union, for <see cref="FrameFormat.Header"/>; otherwise null.</summary>
    public Type? Header { get; }
}
