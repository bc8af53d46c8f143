using ProtocolGen.Devices;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Device;

public sealed class IoControlCodeTests
{
    [Fact]
    public void TheVersionRequest_IsCtlCodeOfFunction0x800_0x9C40E000() => Assert.Equal(0x9C40E000u, PortmasterDevice.VersionCode);

    [Fact]
    public void TheShutdownRequest_IsCtlCodeOfFunction0x801_0x9C40E004() => Assert.Equal(0x9C40E004u, PortmasterDevice.ShutdownCode);

    [Theory]
    [InlineData(0x0007, 0x000, IoControlMethod.Buffered, IoControlAccess.Any, 0x0007_0000u)]          // IOCTL_DISK_GET_DRIVE_GEOMETRY
    [InlineData(0x002D, 0x0202, IoControlMethod.Buffered, IoControlAccess.ReadData, 0x002D_4808u)]    // IOCTL_STORAGE_EJECT_MEDIA
    [InlineData(0x0009, 0x000F, IoControlMethod.Buffered, IoControlAccess.Any, 0x0009_003Cu)]         // FSCTL_GET_COMPRESSION
    [InlineData(0x0022, 0x0001, IoControlMethod.Neither, IoControlAccess.WriteData, 0x0022_8007u)]    // method and access bits
    public void Create_PacksTypeAccessFunctionAndMethod_AsCtlCodeDoes(ushort type, ushort function, IoControlMethod method, IoControlAccess access, uint expected) =>
        Assert.Equal(expected, IoControlCode.Create(type, function, method, access));
}
