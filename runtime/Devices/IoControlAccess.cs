using System;

namespace ProtocolGen.Devices;

/// <summary>The access a caller's handle needs for a control request.</summary>
[Flags]
public enum IoControlAccess
{
    /// <summary><c>FILE_ANY_ACCESS</c>.</summary>
    Any = 0,

    /// <summary><c>FILE_READ_DATA</c>.</summary>
    ReadData = 1,

    /// <summary><c>FILE_WRITE_DATA</c>.</summary>
    WriteData = 2,
}
