using System;
using System.IO;

namespace ProtocolGen.Cli.Encode;

/// <summary>
/// Cuts a byte stream into lines without decoding it: CR, LF and CRLF each end one line, wherever the reads
/// split them, so line numbers count every line end the same way. A line longer than the cap is skipped as it
/// streams past, never held, so one huge line cannot cost more memory than the cap.
/// </summary>
internal sealed class JsonLineReader
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _input;
    private readonly int _maxLineLength;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _ended;
    private bool _afterCr;
    private bool _first = true;

    public JsonLineReader(Stream input, int maxLineLength)
    {
        _input = input;
        _maxLineLength = maxLineLength;
        _buffer = new byte[Math.Min(InitialBufferSize, maxLineLength + 1)];
    }

    /// <summary>Bytes taken from the input so far, line ends included.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// The next line without its line end (valid until the next call), or false at the end of the input. A line
    /// over the cap comes back empty with <paramref name="skippedLength"/> set to its length.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out long skippedLength)
    {
        skippedLength = 0;
        var scanned = 0;
        while (true)
        {
            if (_afterCr && _start < _end)
            {
                // The LF of a CRLF whose CR ended the previous line.
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                    BytesRead++;
                }

                _afterCr = false;
            }

            var pending = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            var at = pending.IndexOfAny((byte)'\r', (byte)'\n');
            if (at >= 0)
            {
                var length = scanned + at;
                _afterCr = pending[at] == (byte)'\r';
                line = skippedLength > 0 ? default : Trim(_buffer.AsMemory(_start, length));
                skippedLength = skippedLength > 0 ? skippedLength + length : 0;
                _start += length + 1;
                BytesRead += length + 1;
                if (_afterCr && _start < _end && _buffer[_start] == (byte)'\n')
                {
                    // A CRLF whose LF is at hand: counted with this line, not the next.
                    _start++;
                    BytesRead++;
                    _afterCr = false;
                }

                return true;
            }

            scanned = _end - _start;
            if (skippedLength > 0 || scanned > _maxLineLength)
            {
                // Over the cap: count what streams past and drop it.
                skippedLength += scanned;
                BytesRead += scanned;
                _start = _end = 0;
                scanned = 0;
            }

            if (_ended)
            {
                if (_end == _start && skippedLength == 0)
                {
                    line = default;
                    return false;
                }

                var length = _end - _start;
                line = skippedLength > 0 ? default : Trim(_buffer.AsMemory(_start, length));
                skippedLength = skippedLength > 0 ? skippedLength + length : 0;
                BytesRead += length;
                _start = _end;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Room for the cap and one byte more, which tells a line at the cap from one over it.
            var larger = new byte[(int)Math.Min((long)_buffer.Length * 2, (long)_maxLineLength + 1)];
            _buffer.AsSpan(0, _end).CopyTo(larger);
            _buffer = larger;
        }

        var read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _ended = true;
        }

        _end += read;
    }

    // A byte order mark on the first line is not part of the JSON.
    private ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line)
    {
        var first = _first;
        _first = false;
        return first && line.Span.StartsWith("\uFEFF"u8) ? line.Slice(3) : line;
    }
}
