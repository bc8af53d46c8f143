using System;
using System.Globalization;
using ProtocolGen.Framing;

namespace ProtocolGen;

/// <summary>
/// Thrown when a value cannot be encoded: a member is null, text is not valid UTF-16 (a lone surrogate), bytes
/// or text do not fit their prefix or fixed length, a size passes 2 GiB, or a frame's body is larger than the
/// decoders accept (<see cref="FrameEncoderOptions.MaxBodyLength"/>). It is thrown while the size is computed,
/// before the first byte is written to any destination, so a refused value leaves the destination untouched.
/// Catch it as an <see cref="ArgumentException"/>; <see cref="Field"/> names the member by its wire name.
/// </summary>
public sealed class WireEncodeException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> (its wire name, or empty for the whole frame).</summary>
    public WireEncodeException(string field, string message)
        : base(field.Length == 0 ? message : $"Field '{field}': {message}", field.Length == 0 ? null : field) => Field = field;

    /// <summary>The wire name of the member that cannot be encoded; empty when the frame as a whole is refused.</summary>
    public string Field { get; }

    internal static WireEncodeException Null(string field) => new(field, "is null; the wire has no null, so give it a value (an empty one if nothing is meant).");

    internal static WireEncodeException InvalidText(string field, int index) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"is not valid UTF-16 (a lone surrogate at char {index}), so it has no UTF-8 form."));

    internal static WireEncodeException TooLongForPrefix(string field, long count, PrefixWidth width, ulong max) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"has {count} items or bytes, more than its {width} prefix can hold ({max})."));

    internal static WireEncodeException WrongFixedLength(string field, int length, int expected) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"must be exactly {expected} bytes on the wire, but is {length}."));

    internal static WireEncodeException WrongFixedCount(string field, int count, int expected) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"must hold exactly {expected} elements on the wire, but holds {count}."));

    internal static WireEncodeException TooLongForField(string field, int count, int length) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"is {count} bytes of UTF-8; the field holds at most {length}."));

    internal static WireEncodeException HoldsNul(string field, int index) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"holds U+0000 at char {index}, where a decoder would end the text; remove it."));

    // The selector's value comes as its type says it: "Text (2)", "true", "7".
    internal static WireEncodeException CaseMismatch(string field, string caseName, string selector, string selectorValue, string union) =>
        new(field, $"is a {caseName}, which is not the case of {union} that {selector} = {selectorValue} picks; set {selector} to its case's tag, or hold that case.");

    internal static WireEncodeException NotDefaultCase(string field, string caseName, string guard, string guardValue, string union, string? defaultName) =>
        new(field, defaultName is null
            ? $"is a {caseName}, but {guard} = {guardValue} calls for the default case of {union}, which has none; change {guard}."
            : $"is a {caseName}, but {guard} = {guardValue} calls for the default case of {union}, {defaultName}, which keeps the bytes; hold a {defaultName}, or change {guard}.");

    internal static WireEncodeException ConditionMismatch(string field, bool present, string selector, string selectorValue) => present
        ? new(field, string.Create(CultureInfo.InvariantCulture, $"holds a value, but {selector} = {selectorValue} leaves it off the wire; set it to null, or set {selector} to a value that calls for it."))
        : new(field, string.Create(CultureInfo.InvariantCulture, $"is null, but {selector} = {selectorValue} calls for it on the wire; give it a value, or set {selector} to a value that leaves it off."));

    internal static WireEncodeException TooLarge(string field) =>
        new(field, "makes the value larger than 2 GiB, more than one frame can hold.");

    internal static WireEncodeException LengthCannotBeSaid(string source, string target, string measured, string rule, string reason) =>
        new(source, $"{target} {measured}, which {rule} cannot say: {reason}.");

    internal static WireEncodeException BodyCannotBeDeclared(long bodyLength, string header) =>
        new(string.Empty, string.Create(CultureInfo.InvariantCulture, $"the body is {bodyLength} bytes, which the frame length of {header} cannot say (too large, or not a multiple of its scale)."));

    internal static WireEncodeException BodyOverCap(long bodyLength, int cap) =>
        new(string.Empty, string.Create(CultureInfo.InvariantCulture,
            $"The frame's body would be {bodyLength} bytes, more than the {cap} a decoder accepts by default (FrameDecoderOptions.MaxBodyLength); raise FrameEncoderOptions.MaxBodyLength to write it anyway."));
}
