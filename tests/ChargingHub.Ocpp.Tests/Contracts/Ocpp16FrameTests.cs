using System.Text.Json;
using ChargingHub.Ocpp.V16;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>Payloads of frames chargers really sent, deserialized into the 1.6 contracts.</summary>
public sealed class Ocpp16FrameTests
{
    // Captured from a MicroOcpp charger; published in matth-x/MicroOcpp issue #237.
    private const string StartTransactionFrame =
        """[2,"1000005","StartTransaction",{"connectorId":1,"idTag":"0000001012951691","meterStart":1,"timestamp":"2023-12-17T07:48:40.564Z"}]""";

    private const string StartTransactionResultFrame =
        """[3,"1000005",{"transactionId":113,"idTagInfo":{"status":"Accepted","expiryDate":"2030-02-03T00:00:00.000Z"}}]""";

    private const string StopTransactionFrame =
        """[2,"1000008","StopTransaction",{"meterStop":1,"timestamp":"2023-12-17T07:48:40.695Z","transactionId":113,"reason":"DeAuthorized"}]""";

    // Captured from a MicroOcpp charger that had been sent ReserveNow; published in matth-x/MicroOcpp issue #154.
    private const string ReservedStartTransactionFrame =
        """[2,"E866401000005C049EF","StartTransaction",{"connectorId":1,"idTag":"987654","meterStart":0,"timestamp":"2023-05-24T03:11:57.000Z","reservationId":-1}]""";

    private const string ReserveNowFrame =
        """[2,"efbbba51-3036-4608-bbf6-355bae96a9a2","ReserveNow",{"connectorId":1,"expiryDate":"2023-05-24T03:15:00.000Z","idTag":"987654","reservationId":179}]""";

    // Captured from a real wallbox by a Home Assistant user; published in lbbrhzn/ocpp issue #1741.
    // Note the charger sends the string "null" as info, and whitespace between tokens.
    private const string StatusNotificationFrame =
        """[2, "0583200", "StatusNotification", {"connectorId": 1, "errorCode": "NoError", "info": "null", "status": "Preparing", "vendorErrorCode": "0x0000"}]""";

    [Fact]
    public async Task Deserialize_CapturedStartTransaction_ReadsEveryField()
    {
        var payload = Payload(StartTransactionFrame);

        var request = JsonSerializer.Deserialize(payload, Ocpp16JsonContext.Default.StartTransactionRequest)!;

        Assert.Equal(1, request.ConnectorId);
        Assert.Equal("0000001012951691", request.IdTag);
        Assert.Equal(1, request.MeterStart);
        Assert.Equal(new DateTimeOffset(2023, 12, 17, 7, 48, 40, 564, TimeSpan.Zero), request.Timestamp);
        Assert.Null(request.ReservationId);
        Assert.Null(request.TransactionId);
        await AssertReserializesValidAsync(request, Ocpp16JsonContext.Default.StartTransactionRequest, OfficialSchemas.V16Request("StartTransaction"));
    }

    [Fact]
    public void Deserialize_CapturedStartTransactionWithReservation_ReadsReservationId()
    {
        var request = JsonSerializer.Deserialize(Payload(ReservedStartTransactionFrame), Ocpp16JsonContext.Default.StartTransactionRequest)!;

        Assert.Equal(-1, request.ReservationId);
        Assert.Equal("987654", request.IdTag);
        Assert.Equal(new DateTimeOffset(2023, 5, 24, 3, 11, 57, TimeSpan.Zero), request.Timestamp);
    }

    [Fact]
    public async Task Deserialize_CapturedStartTransactionResult_ReadsIdTagInfo()
    {
        var response = JsonSerializer.Deserialize(Payload(StartTransactionResultFrame, index: 2), Ocpp16JsonContext.Default.StartTransactionResponse)!;

        Assert.Equal(113, response.TransactionId);
        Assert.Equal(AuthorizationStatus.Accepted, response.IdTagInfo.Status);
        Assert.Equal(new DateTimeOffset(2030, 2, 3, 0, 0, 0, TimeSpan.Zero), response.IdTagInfo.ExpiryDate);
        Assert.Null(response.IdTagInfo.ParentIdTag);
        await AssertReserializesValidAsync(response, Ocpp16JsonContext.Default.StartTransactionResponse, OfficialSchemas.V16Response("StartTransaction"));
    }

    [Fact]
    public async Task Deserialize_CapturedStopTransaction_ReadsReason()
    {
        var request = JsonSerializer.Deserialize(Payload(StopTransactionFrame), Ocpp16JsonContext.Default.StopTransactionRequest)!;

        Assert.Equal(113, request.TransactionId);
        Assert.Equal(1, request.MeterStop);
        Assert.Equal(Reason.DeAuthorized, request.Reason);
        Assert.Null(request.IdTag);
        Assert.Null(request.TransactionData);
        await AssertReserializesValidAsync(request, Ocpp16JsonContext.Default.StopTransactionRequest, OfficialSchemas.V16Request("StopTransaction"));
    }

    [Fact]
    public async Task Deserialize_CapturedReserveNow_ReadsEveryField()
    {
        var request = JsonSerializer.Deserialize(Payload(ReserveNowFrame), Ocpp16JsonContext.Default.ReserveNowRequest)!;

        Assert.Equal(1, request.ConnectorId);
        Assert.Equal(new DateTimeOffset(2023, 5, 24, 3, 15, 0, TimeSpan.Zero), request.ExpiryDate);
        Assert.Equal("987654", request.IdTag);
        Assert.Equal(179, request.ReservationId);
        Assert.Null(request.ParentIdTag);
        await AssertReserializesValidAsync(request, Ocpp16JsonContext.Default.ReserveNowRequest, OfficialSchemas.V16Request("ReserveNow"));
    }

    [Fact]
    public async Task Deserialize_CapturedStatusNotification_ReadsVendorFields()
    {
        var request = JsonSerializer.Deserialize(Payload(StatusNotificationFrame), Ocpp16JsonContext.Default.StatusNotificationRequest)!;

        Assert.Equal(1, request.ConnectorId);
        Assert.Equal(ChargePointErrorCode.NoError, request.ErrorCode);
        Assert.Equal(ChargePointStatus.Preparing, request.Status);
        Assert.Equal("null", request.Info);
        Assert.Equal("0x0000", request.VendorErrorCode);
        Assert.Null(request.Timestamp);
        await AssertReserializesValidAsync(request, Ocpp16JsonContext.Default.StatusNotificationRequest, OfficialSchemas.V16Request("StatusNotification"));
    }

    [Fact]
    public void Deserialize_PayloadMissingRequiredField_Throws()
    {
        const string WithoutMeterStart = """{"connectorId":1,"idTag":"0000001012951691","timestamp":"2023-12-17T07:48:40.564Z"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(WithoutMeterStart, Ocpp16JsonContext.Default.StartTransactionRequest));
    }

    [Fact]
    public void Deserialize_NullForRequiredString_Throws()
    {
        const string NullIdTag = """{"connectorId":1,"idTag":null,"meterStart":1,"timestamp":"2023-12-17T07:48:40.564Z"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(NullIdTag, Ocpp16JsonContext.Default.StartTransactionRequest));
    }

    internal static string Payload(string frame, int index = 3)
    {
        using var document = JsonDocument.Parse(frame);
        return document.RootElement[index].GetRawText();
    }

    internal static async Task AssertReserializesValidAsync<T>(T message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string schemaFile) =>
        await OfficialSchemas.AssertValidAsync(JsonSerializer.Serialize(message, typeInfo), schemaFile);
}
