namespace ProtocolGen.Cli;

/// <summary>What the process's exit code says.</summary>
internal static class ExitCodes
{
    /// <summary>The input was read to its end (bad frames are reported, not fatal, unless --strict).</summary>
    public const int Success = 0;

    /// <summary>The input had bad data: a bad frame under --strict, or a JSON line that could not be encoded.</summary>
    public const int BadInput = 1;

    /// <summary>The command could not run: bad arguments, or a file that cannot be opened.</summary>
    public const int UsageError = 2;
}
