using System.Runtime.Versioning;
using ProtocolGen;
using ProtocolGen.Devices;

namespace ProtocolGen.Portmaster;

/// <summary>Where the Portmaster kernel extension lives and the control requests it answers.</summary>
public static class PortmasterDevice
{
    /// <summary>The device path the driver creates.</summary>
    public const string Path = @"\\.\PortmasterKext";

    /// <summary>The device type in the driver's control codes.</summary>
    public const ushort DeviceType = 40000;

    /// <summary>The version request (function 0x800): returns <see cref="DriverVersion.Size"/> bytes.</summary>
    public static readonly uint VersionCode = IoControlCode.Create(DeviceType, 0x800, IoControlMethod.Buffered, IoControlAccess.ReadData | IoControlAccess.WriteData);

    /// <summary>The shutdown request (function 0x801): the driver ends pending and future reads.</summary>
    public static readonly uint ShutdownCode = IoControlCode.Create(DeviceType, 0x801, IoControlMethod.Buffered, IoControlAccess.ReadData | IoControlAccess.WriteData);

    /// <summary>Opens the driver's device; off Windows, throws <see cref="System.PlatformNotSupportedException"/>.</summary>
    [SupportedOSPlatform("windows")]
    public static WindowsDevice Open() => WindowsDevice.Open(Path);
}
