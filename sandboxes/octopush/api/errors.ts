// Octopush v1 answers errors as HTTP 400 (401 for credentials) with { code, message }; the codes
// follow the old API's return-code table (v1 observed: 400 {"code":121,"message":"STOP mention
// ([STOP au 30101]) is missing from your text."}). Messages are Octopush's own where it has one.

export const MESSAGES: Record<number, string> = {
  100: 'POST request missing.',
  101: 'Incorrect login details.',
  102: 'Your SMS exceeds 1224 characters.',
  103: 'Your message has no recipients.',
  104: 'You have run out of credit.',
  106: 'You have entered the Sender incorrectly. 3 to 11 characters, chosen from 0 to 9, a to z, A to Z. No accent, space or punctuation.',
  107: 'The text of your message is missing.',
  108: 'You have not entered your login details.',
  109: 'You have not entered your password.',
  110: 'You have not entered the list of recipient.',
  112: 'You have not defined the quality of your message.',
  117: 'Your recipient list contains no correct numbers. Have you formatted your numbers by including the international dialling code?',
  120: 'A SMS with the same request_id has already been sent.',
  121: 'STOP mention ([STOP au 30101]) is missing from your text.',
  125: 'An undefined error has occurred.',
  126: 'An SMS campaign is already waiting for approval to send. You must validate or cancel it in order to start another.',
  127: 'An SMS campaign is already being processed. You must wait for processing to be completed in order to start another.',
  128: 'Too many attempts have been made. You need to start a new campaign.',
  129: 'Campaign is being built.',
  131: 'Campaign not found.',
  132: 'Campaign sent.',
  150: 'No country was found for this prefix.',
  151: 'The recipient country is not part of the countries serviced by Octopush.',
  152: 'You cannot send low cost SMS to this country. Choose Premium SMS',
  302: 'A list with the same name already exists.',
  303: 'The specified list does not exist.',
  305: 'There are too many contacts in the query.',
  500: 'Impossible to process the requested action',
};

/** An answer Octopush gives instead of a success: thrown inside handlers, written by the router. */
export class OctopushError extends Error {
  constructor(
    readonly code: number,
    readonly detail?: string,
    readonly httpStatus = 400,
  ) {
    super(detail ? `${MESSAGES[code] ?? MESSAGES[125]} ${detail}` : (MESSAGES[code] ?? MESSAGES[125]!));
  }

  get body(): { code: number; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const fail = (code: number, detail?: string): never => {
  throw new OctopushError(code, detail);
};
