namespace ProtocolGen;

/// <summary>Windows device control codes, as the <c>CTL_CODE</c> macro of the Windows driver kit builds them.</summary>
public static class IoControlCode
{
    /// <summary>
    /// <c>CTL_CODE(deviceType, function, method, access)</c>:
    /// <c>(deviceType &lt;&lt; 16) | (access &lt;&lt; 14) | (function &lt;&lt; 2) | method</c>.
    /// </summary>
    public static uint Create(ushort deviceType, ushort function, IoControlMethod method, IoControlAccess access) =>
        ((uint)deviceType << 16) | ((uint)access << 14) | ((uint)(function & 0xFFF) << 2) | (uint)method;
}

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

/// <summary>The access a caller's handle needs for a control request.</summary>
[System.Flags]
public enum IoControlAccess
{
    /// <summary><c>FILE_ANY_ACCESS</c>.</summary>
    Any = 0,

    /// <summary><c>FILE_READ_DATA</c>.</summary>
    ReadData = 1,

    /// <summary><c>FILE_WRITE_DATA</c>.</summary>
    WriteData = 2,
}
