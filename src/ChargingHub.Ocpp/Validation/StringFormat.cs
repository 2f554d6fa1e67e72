namespace ChargingHub.Ocpp;

/// <summary>The <c>format</c> values the OCPP schemas use.</summary>
internal enum StringFormat
{
    None,
    DateTime,
    Uri,
}
