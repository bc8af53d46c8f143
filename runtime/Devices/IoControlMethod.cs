namespace ProtocolGen.Devices;

/// <summary>How a control request's buffers are passed to the driver (the code's low two bits).</summary>
public enum IoControlMethod
{
    /// <summary><c>METHOD_BUFFERED</c>: the system copies both buffers.</summary>
    Buffered = 0,

    /// <summary><c>METHOD_IN_DIRECT</c>.</summary>
    InDirect = 1,

    /// <summary><c>METHOD_OUT_DIRECT</c>.</summary>
    OutDirect = 2,

    /// <summary><c>METHOD_NEITHER</c>.</summary>
    Neither = 3,
}
