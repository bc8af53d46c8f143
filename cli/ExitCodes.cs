namespace ProtocolGen.Cli;

/// <summary>What the process's exit code says (listed in <c>protocolgen --help</c> and the README).</summary>
internal static class ExitCodes
{
    /// <summary>
    /// The input was read to its end (bad frames are reported, not fatal, unless --strict), or the reader of
    /// standard output closed it early (<c>| head</c>), which ends the command quietly.
    /// </summary>
    public const int Success = 0;

    /// <summary>The input had bad data: a bad frame under --strict, or a JSON line that could not be encoded.</summary>
    public const int BadInput = 1;

    /// <summary>The command could not run: bad arguments, or a file that cannot be opened.</summary>
    public const int UsageError = 2;

    /// <summary>Reading the input or writing the output failed part way (a disk error, a full disk).</summary>
    public const int IoError = 3;

    /// <summary>A bug in protocolgen (EX_SOFTWARE in sysexits.h): a one-line message instead of a stack trace.</summary>
    public const int InternalError = 70;

    /// <summary>The exit codes as <c>--help</c> lists them.</summary>
    public const string Help = """
        Exit codes:
          0   the input was read to its end (bad frames are reported, not fatal), or the reader of the output closed it early ('| head')
          1   bad data: a bad frame under 'decode --strict', or a line 'encode' could not encode
          2   the command could not run: bad arguments, or a file that cannot be opened
          3   reading the input or writing the output failed part way
          70  an internal error (a bug in protocolgen)
        """;
}
