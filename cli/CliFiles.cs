using System;
using System.IO;

namespace ProtocolGen.Cli;

/// <summary>Opens the files a command names, with "-" (or no name) for the console's own streams.</summary>
internal static class CliFiles
{
    public const string Console = "-";

    /// <summary>Opens <paramref name="path"/> for reading; the caller disposes it (a no-op for standard input).</summary>
    public static Stream OpenRead(string? path, CliConsole console)
    {
        if (path is null or Console)
        {
            return new KeepOpenStream(console.In);
        }

        return Open(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));
    }

    /// <summary>Creates (or replaces) <paramref name="path"/> for writing; "-" writes to standard output.</summary>
    public static Stream OpenWrite(string path, CliConsole console)
    {
        if (path == Console)
        {
            return new KeepOpenStream(console.Out);
        }

        return Open(path, () => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1));
    }

    /// <summary>A name for <paramref name="path"/> in messages.</summary>
    public static string DisplayName(string? path) => path is null or Console ? "standard input" : path;

    private static Stream Open(string path, Func<Stream> open)
    {
        // Opening a directory fails as "access denied" on some systems: say what it really is.
        if (Directory.Exists(path))
        {
            throw new CliException($"protocolgen: {path} is a directory, not a file");
        }

        try
        {
            return open();
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"protocolgen: no such file: {path}");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliException($"protocolgen: no such directory for: {path}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"protocolgen: permission denied: {path}");
        }
        catch (IOException e)
        {
            throw new CliException($"protocolgen: cannot open {path}: {e.Message}");
        }
    }
}
