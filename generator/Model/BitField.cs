namespace ProtocolGen.Generator.Model;

/// <summary>
/// A <c>[Bits]</c> field's place in its group: the group's first member names the container, the members after it
/// fill it in declaration order. The parser fills <see cref="Shift"/>, <see cref="MsbFirst"/> and
/// <see cref="BigEndian"/> once it has seen the whole group (<c>BitsParser.Group</c>).
/// </summary>
/// <param name="Width">How many bits the field takes.</param>
/// <param name="ContainerBits">The container's size in bits on the group's first member; 0 on the members that continue it.</param>
/// <param name="Shift">Where the field's lowest bit is, counted from the container's least significant bit.</param>
/// <param name="ContainerBytes">The container's size in bytes, on every member of the group.</param>
/// <param name="MsbFirst">Whether the group fills its container from the most significant bit.</param>
/// <param name="BigEndian">Whether the container integer is big-endian on the wire (its first member's byte order).</param>
/// <param name="EndsGroup">Whether the field is its group's last member, whose head is the container's bytes (see <c>LayoutPlan.Bits.cs</c>).</param>
/// <param name="DeclaredMsbFirst">The group's own <c>Order</c>, on its first member, when it sets one; else null.</param>
internal sealed record BitField(int Width, int ContainerBits, int Shift = 0, int ContainerBytes = 0, bool MsbFirst = true, bool BigEndian = false, bool EndsGroup = false, bool? DeclaredMsbFirst = null)
{
    /// <summary>Whether the field is its group's first member, whose head is the container.</summary>
    public bool StartsGroup => ContainerBits > 0;

    /// <summary>The field's bits in place, as an unsigned integer: <c>0x1FFF</c> for a 13-bit field at shift 0.</summary>
    public ulong Mask => (Width == 64 ? ulong.MaxValue : (1UL << Width) - 1) << Shift;
}
