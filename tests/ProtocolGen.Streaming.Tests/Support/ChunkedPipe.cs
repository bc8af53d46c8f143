using System;
using System.IO.Pipelines;
using System.Threading.Tasks;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>Writes a buffer into a pipe in chunks of the given sizes, flushing each, then completes it.</summary>
internal static class ChunkedPipe
{
    public static PipeReader Of(byte[] data, Func<int, int> chunkSize)
    {
        var pipe = new Pipe(new PipeOptions(minimumSegmentSize: 16));
        _ = Task.Run(async () =>
        {
            var position = 0;
            for (var i = 0; position < data.Length; i++)
            {
                var count = Math.Min(data.Length - position, chunkSize(i));
                await pipe.Writer.WriteAsync(data.AsMemory(position, count));
                position += count;
            }

            await pipe.Writer.CompleteAsync();
        });
        return pipe.Reader;
    }
}
