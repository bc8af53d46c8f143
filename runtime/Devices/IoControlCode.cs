namespace ProtocolGen.Devices;

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
