using System;
using System.IO;

namespace ProtocolGen.Portmaster;

/// <summary>The driver's interface version, as its version control request returns it: four bytes.</summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Revision">The revision.</param>
/// <param name="Build">The build.</param>
public readonly record struct DriverVersion(byte Major, byte Minor, byte Revision, byte Build)
{
    /// <summary>The bytes the version request returns: major, minor, revision, build.</summary>
    public const int Size = 4;

    /// <summary>The interface version of the current driver, 2.1.0.0.</summary>
    public static DriverVersion Current => new(2, 1, 0, 0);

    /// <summary>Reads a version from the bytes a version request returned; anything but exactly <see cref="Size"/> bytes is an error.</summary>
    public static DriverVersion Read(ReadOnlySpan<byte> returned) => returned.Length == Size
        ? new DriverVersion(returned[0], returned[1], returned[2], returned[3])
        : throw new IOException($"The driver's version request returned {returned.Length} bytes; {Size} were expected.");

    /// <summary>Writes the version's four bytes at the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        destination[3] = Build;
        destination[2] = Revision;
        destination[1] = Minor;
        destination[0] = Major;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Major}.{Minor}.{Revision}.{Build}";
}
