using System;

namespace ProtocolGen;

/// <summary>
/// Asks the compiler to check that a handler (an implementation of a union's generated <c>IHandler</c> or
/// <c>IViewHandler</c>) has its own method for every packet kind. Without it, a kind the handler does not
/// handle goes to its <c>HandleOther</c> method; with it, a missing kind is error PG0020, so adding a packet to
/// the union points at every handler that must learn it.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false)]
public sealed class ExhaustiveHandlerAttribute : Attribute
{
}
