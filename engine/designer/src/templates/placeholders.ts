/** What a marketer calls each value the server's renderer offers (TemplateValues on the server). */
export const placeholderLabels: Record<string, string> = {
  name: 'Full name',
  firstName: 'First name',
  email: 'Email address',
  customerId: 'Customer id',
  purchases: 'Purchases',
  monetary: 'Total spent',
  lastSeen: 'Last seen',
  rfmSegment: 'RFM segment',
  churnRisk: 'Churn risk',
  segment: 'Segment',
  workflow: 'Workflow',
  unsubscribe_url: 'Unsubscribe link',
};

export const fallbackPlaceholders = Object.keys(placeholderLabels);
