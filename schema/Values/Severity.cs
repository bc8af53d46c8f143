namespace ProtocolGen.Portmaster;

/// <summary>The severity of a driver log line. Unnamed values still decode and re-encode unchanged.</summary>
public enum Severity : byte
{
    /// <summary>Finest detail.</summary>
    Trace = 1,

    /// <summary>Debugging detail.</summary>
    Debug = 2,

    /// <summary>Normal operation.</summary>
    Info = 3,

    /// <summary>Something unexpected that the driver handled.</summary>
    Warning = 4,

    /// <summary>Something failed.</summary>
    Error = 5,

    /// <summary>The driver cannot go on as normal.</summary>
    Critical = 6,

    /// <summary>Logging is off.</summary>
    Disabled = 7,
}
