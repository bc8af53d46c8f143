using System.Globalization;
using System.IO;

namespace ProtocolGen;

/// <summary>
/// The one check on a byte count that a stream or the kernel reports: it must fit the buffer it was given.
/// A count past the buffer would feed bytes left there by an earlier read (and cost the next frame), so it
/// is refused as an <see cref="IOException"/> that names both numbers.
/// </summary>
internal static class ReadCount
{
    /// <summary>Returns <paramref name="count"/> when it is from 0 to <paramref name="bufferSize"/>.</summary>
    /// <exception cref="IOException"><paramref name="count"/> is negative or larger than <paramref name="bufferSize"/>.</exception>
    public static int Check(long count, int bufferSize, string source) =>
        count >= 0 && count <= bufferSize
            ? (int)count
            : throw new IOException(string.Create(
                CultureInfo.InvariantCulture,
                $"{source} reported {count} bytes for a buffer of {bufferSize} bytes; the count is refused rather than trusted."));
}
