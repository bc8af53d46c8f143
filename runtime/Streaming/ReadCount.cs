using System.Globalization;
using System.IO;
using ProtocolGen.Devices;

namespace ProtocolGen.Streaming;

/// <summary>
/// The one check on a byte count that a stream or the kernel reports: it must fit the buffer it was given.
/// A count past the buffer would feed bytes left there by an earlier read (and cost the next frame), so it
/// is refused as an <see cref="IOException"/> that names both numbers. The readers and devices here use it
/// on every count they are handed; a client of an <see cref="IDevice"/> uses it on the counts it returns.
/// </summary>
public static class ReadCount
{
    /// <summary>Returns <paramref name="count"/> when it is from 0 to <paramref name="bufferSize"/>.</summary>
    /// <param name="count">The count reported.</param>
    /// <param name="bufferSize">The size of the buffer the count is about.</param>
    /// <param name="source">Who reported it, for the message.</param>
    /// <exception cref="IOException"><paramref name="count"/> is negative or larger than <paramref name="bufferSize"/>.</exception>
    public static int Check(long count, int bufferSize, string source) =>
        count >= 0 && count <= bufferSize
            ? (int)count
            : throw new IOException(string.Create(
                CultureInfo.InvariantCulture,
                $"{source} reported {count} bytes for a buffer of {bufferSize} bytes; the count is refused rather than trusted."));
}
