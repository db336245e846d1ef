/** The Contacts card's id: "Change in Contacts" on the profile form moves focus there. */
export const CONTACTS_CARD_ID = 'contacts-card';
