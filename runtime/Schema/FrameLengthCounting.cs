namespace ProtocolGen;

/// <summary>What a <see cref="FrameLengthAttribute">[FrameLength]</see> counts.</summary>
public enum FrameLengthCounting
{
    /// <summary>The body: the bytes after the header.</summary>
    Body = 0,

    /// <summary>The whole frame: the header and the body.</summary>
    WholeFrame = 1,
}
