namespace Automation.Engine.Events.Import;

/// <summary>The CSV layouts `automation import` reads.</summary>
public enum ImportFormat
{
    /// <summary>Invoice lines: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country (UCI Online Retail).</summary>
    Invoices,

    /// <summary>Behavior: timestamp (ms), visitorid, event (view, addtocart, transaction), itemid, transactionid (RetailRocket).</summary>
    Events,
}
