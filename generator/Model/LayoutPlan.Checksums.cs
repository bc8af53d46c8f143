using System.Collections.Generic;

namespace ProtocolGen.Generator.Model;

/// <summary>Which checksum a <c>[Checksum]</c> field holds.</summary>
internal enum ChecksumKind
{
    /// <summary>RFC 1071's, a big-endian 16-bit word whatever the record's byte order.</summary>
    Internet,

    /// <summary>IEEE 802.3's CRC-32, in the member's byte order.</summary>
    Crc32,

    /// <summary>A user's <c>IWireChecksum&lt;T&gt;</c>, in the member's byte order.</summary>
    Custom,
}

/// <summary>A <c>[Checksum]</c> field's rule, as parsed from its attribute.</summary>
/// <param name="Kind">The algorithm.</param>
/// <param name="CustomTypeName">The fully qualified checksum struct, for <see cref="ChecksumKind.Custom"/>.</param>
/// <param name="Display">The algorithm as layouts show it: <c>internet</c>, <c>crc32</c>, the custom type's name.</param>
/// <param name="From">The member whose first byte starts the range; null for the record's first byte.</param>
/// <param name="Through">The member whose last byte ends the range; null for the default (the record's last field).</param>
/// <param name="ZeroMeansNone">UDP's rule: a stored 0 is not verified and is written as 0, a computed 0 goes out as 0xFFFF.</param>
/// <param name="FromIndex">The field <see cref="From"/> names, or -1 for the record's first byte (its magic included); set once the record's fields are known.</param>
/// <param name="ThroughIndex">The field <see cref="Through"/> names or defaults to; -1 until the record's fields are known.</param>
/// <param name="PseudoHeader">TCP's and UDP's rule: the reader's or writer's pseudo-header sum is added to the bytes covered.</param>
internal sealed record ChecksumInfo(
    ChecksumKind Kind,
    string? CustomTypeName,
    string Display,
    string? From,
    string? Through,
    bool ZeroMeansNone,
    int FromIndex = -1,
    int ThroughIndex = -1,
    bool PseudoHeader = false)
{
    /// <summary>Whether the field may lie inside the bytes it covers: only an Internet checksum sums to a known value then.</summary>
    public bool MayCoverItself => Kind == ChecksumKind.Internet;
}

/// <summary>One checksum of a record: its field, the fields it covers, and when decoding can verify it.</summary>
/// <param name="Field">The checksum field's index.</param>
/// <param name="From">The first covered field, or -1 for the record's first byte (its magic included).</param>
/// <param name="Through">The last covered field.</param>
/// <param name="VerifyAfter">The field after whose run (and tail) every byte it needs is read: the later of the checksum and <see cref="Through"/>.</param>
internal sealed record ChecksumPlan(int Field, int From, int Through, int VerifyAfter)
{
    /// <summary>Whether the checksum field lies inside its own range (summed as zero when computed).</summary>
    public bool CoversItself => From <= Field && Field <= Through;
}

/// <summary>The layout rules of checksums (<c>[Checksum]</c>).</summary>
internal sealed partial record LayoutPlan
{
    /// <summary>Whether the field holds a checksum: read at a constant offset, but it can refuse bytes, so its record is not plain.</summary>
    public static bool IsChecksum(FieldModel field) => field.Checksum is not null;

    /// <summary>
    /// The record's checksums in the order encoding patches them: one whose field another covers goes first, so the
    /// outer one sums the inner one's final bytes (the parser refuses ranges that depend on each other, PG0041).
    /// </summary>
    private static EquatableArray<ChecksumPlan> ChecksumPlans(IReadOnlyList<FieldModel> fields)
    {
        var plans = new List<ChecksumPlan>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Checksum is { } checksum)
            {
                var through = checksum.ThroughIndex >= 0 ? checksum.ThroughIndex : fields.Count - 1;
                plans.Add(new ChecksumPlan(i, checksum.FromIndex, through, System.Math.Max(i, through)));
            }
        }

        // A plain insertion by dependency: a checksum comes after every checksum whose field it covers.
        var ordered = new List<ChecksumPlan>();
        while (plans.Count > 0)
        {
            var next = plans.FindIndex(p => !plans.Exists(q => q != p && p.From <= q.Field && q.Field <= p.Through));
            ordered.Add(plans[next < 0 ? 0 : next]);
            plans.RemoveAt(next < 0 ? 0 : next);
        }

        return ordered.ToEquatableArray();
    }
}
