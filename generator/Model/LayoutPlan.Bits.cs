using System.Collections.Generic;
using System.Linq;

namespace ProtocolGen.Generator.Model;

/// <summary>
/// The layout rules of bit fields: a group's container is one head in its run. Every member sits at the container's
/// offset; the group's last member carries the container's bytes as its head and the others a head of 0 bytes, so
/// the fields after the group start after the container. (The first member reads and writes the container.) Bits
/// never break a run, and bit fields refuse no bytes (every pattern is a value; a one-bit <c>bool</c> has no third
/// state).
/// </summary>
internal sealed partial record LayoutPlan
{
    /// <summary>A bit field's head: its container's bytes on the group's last member, 0 on the others; null for any other field.</summary>
    private static int? BitsHeadSize(FieldModel field) => field.Bits is { } bits ? (bits.EndsGroup ? bits.ContainerBytes : 0) : null;

    /// <summary>The fields of the bit group that <paramref name="place"/> (its first member) starts, that one included.</summary>
    public IReadOnlyList<FieldPlan> BitGroup(FieldPlan place)
    {
        var first = 0;
        while (!ReferenceEquals(Fields[first], place))
        {
            first++;
        }

        var members = new List<FieldPlan> { place };
        for (var i = first + 1; i < Fields.Count && Fields[i].Field.Bits is { StartsGroup: false }; i++)
        {
            members.Add(Fields[i]);
        }

        return members;
    }

    /// <summary>Whether the record has a bit field, so its layouts state a bit order.</summary>
    public bool HasBits => Fields.Any(p => p.Field.Bits is not null);
}
