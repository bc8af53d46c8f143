namespace ProtocolGen.Portmaster;

/// <summary>What the driver does with a connection. Unnamed values still decode and re-encode unchanged.</summary>
public enum Verdict : byte
{
    /// <summary>Not decided yet.</summary>
    Undecided = 0,

    /// <summary>Cannot be decided.</summary>
    Undeterminable = 1,

    /// <summary>Let this connection through.</summary>
    Accept = 2,

    /// <summary>Let this connection through, and remember it.</summary>
    PermanentAccept = 3,

    /// <summary>Block this connection (the peer is told).</summary>
    Block = 4,

    /// <summary>Block this connection, and remember it.</summary>
    PermanentBlock = 5,

    /// <summary>Drop this connection silently.</summary>
    Drop = 6,

    /// <summary>Drop this connection silently, and remember it.</summary>
    PermanentDrop = 7,

    /// <summary>Redirect DNS to the Portmaster name server.</summary>
    RedirectNameServer = 8,

    /// <summary>Redirect into the tunnel.</summary>
    RedirectTunnel = 9,

    /// <summary>The verdict could not be applied.</summary>
    Failed = 10,

    /// <summary>Redirect into the split tunnel (newest drivers only; older drivers reject it).</summary>
    RedirectSplitTunnel = 11,
}
