using System;

namespace ProtocolGen;

/// <summary>
/// Marks a partial record as a structure that packets embed (inline or in arrays). It is laid out like a
/// packet body: its positional parameters in order, with no padding and no header.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class WireStructAttribute : Attribute
{
}
