namespace ChargingHub.Ocpp;

/// <summary>The JSON-Schema primitive types a node admits; <see cref="Any"/> when it has no <c>type</c> keyword.</summary>
[Flags]
internal enum SchemaTypes : byte
{
    Any = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    Integer = 32,
    String = 64,
}
