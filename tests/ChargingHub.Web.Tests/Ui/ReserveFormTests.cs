using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Tokens;
using ChargingHub.Web.Components.Shared;
using ChargingHub.Web.Ui;
using Microsoft.AspNetCore.Components.Forms;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>The reserve form: its labelled fields, messages next to them, and outcomes in words.</summary>
public sealed class ReserveFormTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 16, 15, 0, TimeSpan.Zero);
    private static readonly IdToken AliceCard = new() { IdTag = "ALICE-CARD", Name = "Alice's card", MemberId = 1 };

    [Fact]
    public async Task Render_Empty_HasLabelledConnectorTokenDurationEndTimeAndReserveButton()
    {
        var document = await RenderAsync(new ReserveForm { Connector = "2", Token = "ALICE-CARD" }, outcome: null, errors: []);

        Assert.Equal("select", document.Labelled("Connector").LocalName);
        Assert.Equal("2", document.Labelled("Connector").QuerySelector("option[selected]")?.GetAttribute("value"));
        Assert.Contains("Any connector", document.Labelled("Connector").Text(), StringComparison.Ordinal);
        Assert.Contains("Alice's card (ALICE-CARD)", document.Labelled("Token").Text(), StringComparison.Ordinal);
        Assert.Equal(["15", "30", "60", "120", "end"], document.Labelled("Duration").QuerySelectorAll("option").Select(o => o.GetAttribute("value")!));
        Assert.Equal("datetime-local", document.Labelled("End time").GetAttribute("type"));
        Assert.Single(document.Buttons("Reserve"));
        Assert.Equal("post", document.QuerySelector("form")!.GetAttribute("method"));
    }

    [Fact]
    public async Task Render_WithFieldErrors_ShowsEachMessageNextToItsField()
    {
        var document = await RenderAsync(new ReserveForm(), outcome: null, errors: new()
        {
            [nameof(ReserveForm.EndTime)] = "The end time must be in the future.",
            [nameof(ReserveForm.Token)] = "Choose one of your tokens.",
        });

        var endTime = document.Labelled("End time");
        Assert.Equal("true", endTime.GetAttribute("aria-invalid"));
        Assert.Contains("The end time must be in the future.", endTime.Description(), StringComparison.Ordinal);
        Assert.Contains("Choose one of your tokens.", document.Labelled("Token").Description(), StringComparison.Ordinal);
        Assert.DoesNotContain("future", document.Labelled("Connector").Description(), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task Render_ChargerDeclined_ShowsAnswerInWordsAsAlert()
    {
        var document = await RenderAsync(new ReserveForm(), new ReserveOutcome(false, StatusWords.ReserveAnswer(Domain.Reservations.ChargerReserveStatus.Occupied)), []);

        Assert.Equal("This charger is busy (Occupied)", document.QuerySelector("[role=alert]")!.Text());
        Assert.Single(document.Buttons("Reserve"));
    }

    [Fact]
    public async Task Render_Accepted_SaysReservedUntilInLocalTimeMarkup()
    {
        var document = await RenderAsync(new ReserveForm(), new ReserveOutcome(true, "Connector 1 of CP-1 is held for you.", Now.AddMinutes(30)), []);

        var status = document.QuerySelector("[role=status]")!;
        Assert.StartsWith("Reserved until 16:45 UTC", status.Text(), StringComparison.Ordinal);
        Assert.Equal("2025-06-01T16:45:00Z", status.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Empty(document.Buttons("Reserve"));
        Assert.Single(document.Links("Back to the chargers"));
    }

    [Fact]
    public void TryBuild_EndTimeWithBrowserOffset_ExpiresAtThatInstant()
    {
        var errors = new Dictionary<string, string>();
        var form = new ReserveForm { Connector = "1", Token = "alice-card", EndTime = "2025-06-01T18:45", TimeZoneOffset = "120" };

        var command = ReserveRequest.TryBuild(form, Charger(), ReserveRequest.ConnectorOptions(Charger(), true), [AliceCard], Now, TimeSpan.FromHours(24), errors);

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 16, 45, 0, TimeSpan.Zero), command!.ExpiresAt);
        Assert.Equal("ALICE-CARD", command.IdTag);
        Assert.Equal(1, command.ConnectorId);
    }

    [Fact]
    public void TryBuild_EndTimeWithoutOffset_IsReadAsUtc()
    {
        var errors = new Dictionary<string, string>();
        var form = new ReserveForm { Connector = "0", Token = "ALICE-CARD", EndTime = "2025-06-01T18:45" };

        var command = ReserveRequest.TryBuild(form, Charger(), ReserveRequest.ConnectorOptions(Charger(), true), [AliceCard], Now, TimeSpan.FromHours(24), errors);

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 18, 45, 0, TimeSpan.Zero), command!.ExpiresAt);
        Assert.Equal(0, command.ConnectorId);
    }

    [Theory]
    [InlineData("2025-06-01T08:00", "30", "EndTime", "The end time must be in the future.")]
    [InlineData("2025-06-03T08:00", "30", "EndTime", "A reservation can last at most 24 hours.")]
    [InlineData("", "end", "EndTime", "Enter an end time, or choose a duration.")]
    [InlineData("tomorrow", "30", "EndTime", "Enter the end time as a date and time, e.g. 2025-06-01 18:45.")]
    [InlineData("", "45", "Duration", "Choose a duration.")]
    public void TryBuild_BadTime_NamesTheField(string endTime, string duration, string field, string message)
    {
        var errors = new Dictionary<string, string>();
        var form = new ReserveForm { Connector = "1", Token = "ALICE-CARD", EndTime = endTime, Duration = duration };

        var command = ReserveRequest.TryBuild(form, Charger(), ReserveRequest.ConnectorOptions(Charger(), true), [AliceCard], Now, TimeSpan.FromHours(24), errors);

        Assert.Null(command);
        Assert.Equal(message, errors[field]);
    }

    [Fact]
    public void TryBuild_TokenOfSomeoneElse_AsksForOneOfYours()
    {
        var errors = new Dictionary<string, string>();
        var form = new ReserveForm { Connector = "1", Token = "BOB-CARD", Duration = "15" };

        Assert.Null(ReserveRequest.TryBuild(form, Charger(), ReserveRequest.ConnectorOptions(Charger(), true), [AliceCard], Now, TimeSpan.FromHours(24), errors));
        Assert.Equal("Choose one of your tokens.", errors[nameof(ReserveForm.Token)]);
    }

    [Fact]
    public void FieldOf_DomainExpiryError_IsTheTimeFieldInUse()
    {
        var error = HubException.Invalid("expiryDate", "expiryDate must be in the future.");

        Assert.Equal(nameof(ReserveForm.Duration), ReserveRequest.FieldOf(error, new ReserveForm { Duration = "30" }));
        Assert.Equal(nameof(ReserveForm.EndTime), ReserveRequest.FieldOf(error, new ReserveForm { EndTime = "2025-06-01T18:00" }));
        Assert.Equal(nameof(ReserveForm.Token), ReserveRequest.FieldOf(HubException.Invalid("idTag", "too long"), new ReserveForm()));
    }

    [Fact]
    public void ConnectorOptions_Ocpp201Charger_OffersAnyConnectorOfEachType()
    {
        var charger = Charger();
        charger.Protocol = ChargerProtocol.Ocpp201;

        var options = ReserveRequest.ConnectorOptions(charger, online: true);

        Assert.Equal(["1", "2", "0", "type:cType2"], options.Select(o => o.Value));
        Assert.Equal("Connector 1 · Type 2 (Available)", options[0].Text);
        Assert.Equal("Any Type 2 connector", options[^1].Text);
    }

    private static Task<AngleSharp.Dom.IDocument> RenderAsync(ReserveForm form, ReserveOutcome? outcome, Dictionary<string, string> errors)
    {
        var context = new EditContext(form);
        var messages = new ValidationMessageStore(context);
        foreach (var (field, message) in errors)
        {
            messages.Add(context.Field(field), message);
        }

        context.NotifyValidationStateChanged();
        return Html.RenderAsync<ReserveFormView>(new()
        {
            [nameof(ReserveFormView.Form)] = form,
            [nameof(ReserveFormView.EditContext)] = context,
            [nameof(ReserveFormView.Connectors)] = ReserveRequest.ConnectorOptions(Charger(), online: true),
            [nameof(ReserveFormView.Tokens)] = new[] { new FormOption("ALICE-CARD", "Alice's card (ALICE-CARD)") },
            [nameof(ReserveFormView.Outcome)] = outcome,
        });
    }

    private static Charger Charger() => new()
    {
        Id = "CP-1",
        Registration = RegistrationStatus.Accepted,
        Connectors = [new Connector(1, "Available", "cType2", Now), new Connector(2, "Available", "cType2", Now)],
    };
}
