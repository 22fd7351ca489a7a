namespace Automation.Engine.Events.Import;

/// <summary>The layouts `automation import` reads.</summary>
public enum ImportFormat
{
    /// <summary>Invoice lines: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country (UCI Online Retail).</summary>
    Invoices,

    /// <summary>Behavior: timestamp (ms), visitorid, event (view, addtocart, transaction), itemid, transactionid (RetailRocket).</summary>
    Events,

    /// <summary>Any shop's export with a header line: which column holds the customer, time, value (and type) given by a <see cref="ColumnMapping"/>.</summary>
    Columns,
}
