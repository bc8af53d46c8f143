namespace ProtocolGen.Portmaster;

/// <summary>Which side opened a connection. Unnamed values still decode and re-encode unchanged.</summary>
public enum Direction : byte
{
    /// <summary>Opened by this machine.</summary>
    Outbound = 0,

    /// <summary>Opened by the remote peer.</summary>
    Inbound = 1,
}
