namespace ProtocolGen.Cli.Decode;

/// <summary>Prints decoded frames in one output format.</summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal interface IFrameWriter<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>Prints one frame: its packet, or its error.</summary>
    void Write(in FrameResult<TUnion> frame);

    /// <summary>Pushes everything printed so far to the output.</summary>
    void Flush();
}
