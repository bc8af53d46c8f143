namespace ProtocolGen;

/// <summary>
/// Where a bit group's first declared member sits in its container integer. Members are always laid out in
/// declaration order; this says from which end of the container they start.
/// </summary>
public enum BitOrder
{
    /// <summary>From the most significant bit: the first member takes the top bits (RFC diagrams; the default in <see cref="BigEndianAttribute"/> records).</summary>
    MsbFirst,

    /// <summary>From the least significant bit: the first member takes the bottom bits (C bit fields on x86; the default in little-endian records).</summary>
    LsbFirst,
}
