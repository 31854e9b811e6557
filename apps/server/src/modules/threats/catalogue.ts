/**
 * The built-in threat catalogue, written for Rampart. Each entry keeps its slug forever: the URN
 * `urn:rampart:risk:threat:<slug>` is what scenarios and exports refer to, so a rename changes the text only.
 */
export const threatCategories = ['deliberate', 'accidental', 'environmental'] as const;
export type ThreatCategory = (typeof threatCategories)[number];

export interface CatalogueThreat {
  slug: string;
  refId: string;
  name: string;
  category: ThreatCategory;
  description: string;
}

const d = (slug: string, refId: string, name: string, description: string): CatalogueThreat => ({
  slug,
  refId,
  name,
  category: 'deliberate',
  description,
});
const a = (slug: string, refId: string, name: string, description: string): CatalogueThreat => ({
  slug,
  refId,
  name,
  category: 'accidental',
  description,
});
const e = (slug: string, refId: string, name: string, description: string): CatalogueThreat => ({
  slug,
  refId,
  name,
  category: 'environmental',
  description,
});

export const builtinThreats: readonly CatalogueThreat[] = [
  d(
    'phishing',
    'TD.01',
    'Phishing and social engineering',
    'Someone tricks staff into revealing credentials, approving a payment or running a harmful file, by e-mail, phone, chat or in person.',
  ),
  d(
    'ransomware',
    'TD.02',
    'Ransomware',
    'Malicious software encrypts or steals data and a ransom is demanded to restore access or to keep the data unpublished.',
  ),
  d(
    'malware',
    'TD.03',
    'Malware infection',
    'Viruses, trojans, spyware or other harmful code reach a device through downloads, removable media or unpatched software.',
  ),
  d(
    'insider-misuse',
    'TD.04',
    'Insider misuse',
    'An employee or contractor uses legitimate access to copy, change or destroy information for their own ends.',
  ),
  d(
    'supplier-compromise',
    'TD.05',
    'Supplier or supply-chain compromise',
    'An attacker reaches the organisation through a supplier, a service provider or a tampered software component or update.',
  ),
  d(
    'denial-of-service',
    'TD.06',
    'Denial of service',
    'A flood of requests or a targeted attack makes a service unavailable to its users.',
  ),
  d(
    'credential-theft',
    'TD.07',
    'Credential theft',
    'Passwords, tokens or keys are stolen (by guessing, stuffing reused passwords, keylogging or interception) and used to sign in as someone else.',
  ),
  d(
    'equipment-theft',
    'TD.08',
    'Theft of equipment',
    'Laptops, phones, storage media or other devices holding data or giving access are stolen.',
  ),
  d(
    'web-application-attack',
    'TD.09',
    'Attack on a web application',
    'Injection, broken access control or other flaws in an exposed application are exploited to read or change data.',
  ),
  d(
    'account-takeover',
    'TD.10',
    'Privileged account takeover',
    'An administrator or service account falls into an attacker’s hands, giving wide control over systems.',
  ),
  d(
    'eavesdropping',
    'TD.11',
    'Interception of communications',
    'Traffic on a network, a wireless link or a call is listened to or altered on its way.',
  ),
  d(
    'fraud',
    'TD.12',
    'Fraud and payment diversion',
    'Invoices, bank details or payment instructions are forged or changed so money goes to the wrong party.',
  ),
  d(
    'sabotage',
    'TD.13',
    'Sabotage and vandalism',
    'Equipment, premises or data are damaged on purpose, from inside or outside.',
  ),
  d(
    'unauthorised-physical-access',
    'TD.14',
    'Unauthorised physical access',
    'Someone enters offices, server rooms or other protected areas without permission.',
  ),
  d(
    'espionage',
    'TD.15',
    'Industrial espionage',
    'A competitor or state actor gathers confidential business or technical information over time.',
  ),
  d(
    'extortion',
    'TD.16',
    'Data theft and extortion',
    'Data is taken and its publication or sale is threatened unless the organisation pays.',
  ),
  a(
    'misconfiguration',
    'TA.01',
    'Misconfiguration',
    'A system, cloud service or network device is set up wrongly, leaving data exposed or a control switched off.',
  ),
  a(
    'unpatched-vulnerability',
    'TA.02',
    'Unpatched vulnerability',
    'A known flaw stays unfixed long enough to be found and exploited.',
  ),
  a(
    'data-leakage',
    'TA.03',
    'Accidental data leakage',
    'Information reaches the wrong people: a mail to the wrong address, a public link, a lost printout.',
  ),
  a(
    'human-error',
    'TA.04',
    'Operator error',
    'A person deletes, changes or runs the wrong thing while doing their job.',
  ),
  a(
    'software-failure',
    'TA.05',
    'Software failure',
    'A bug, a failed update or an incompatible change makes an application misbehave or stop.',
  ),
  a('hardware-failure', 'TA.06', 'Hardware failure', 'Disks, servers, network devices or other equipment break down.'),
  a(
    'data-loss',
    'TA.07',
    'Loss of data',
    'Data is lost without a usable backup, because backups were missing, incomplete or never tested.',
  ),
  a(
    'loss-of-key-staff',
    'TA.08',
    'Loss of key people',
    'People who alone know how something works leave, fall ill or are unavailable when needed.',
  ),
  a(
    'supplier-failure',
    'TA.09',
    'Supplier failure',
    'A provider stops delivering, goes out of business or breaches its service levels.',
  ),
  a(
    'capacity-shortage',
    'TA.10',
    'Capacity shortage',
    'Storage, computing power or bandwidth runs out as demand grows.',
  ),
  a(
    'legal-noncompliance',
    'TA.11',
    'Breach of legal or contractual obligations',
    'Data is processed, kept or transferred in a way a law, regulator or contract does not allow.',
  ),
  a(
    'loss-of-media',
    'TA.12',
    'Loss of media or documents',
    'Devices, storage media or paper records are misplaced or disposed of without being wiped.',
  ),
  a(
    'shadow-it',
    'TA.13',
    'Unapproved services and tools',
    'Staff use services the organisation does not know about, so data leaves its controls.',
  ),
  e(
    'loss-of-power',
    'TE.01',
    'Loss of power',
    'Mains power fails or fluctuates, and backup power is missing, too short or does not start.',
  ),
  e('fire', 'TE.02', 'Fire', 'A fire in or near the premises destroys equipment and records, or forces an evacuation.'),
  e(
    'flooding',
    'TE.03',
    'Flooding and water damage',
    'Water from floods, storms, leaks or fire fighting reaches equipment or archives.',
  ),
  e(
    'extreme-weather',
    'TE.04',
    'Extreme weather',
    'Storms, heat waves or cold spells damage sites or stop people and transport.',
  ),
  e(
    'earthquake',
    'TE.05',
    'Earthquake or subsidence',
    'Ground movement damages buildings, data centres or connections.',
  ),
  e(
    'cooling-failure',
    'TE.06',
    'Cooling or climate failure',
    'Air conditioning stops or humidity goes out of range, and equipment overheats or degrades.',
  ),
  e(
    'telecom-outage',
    'TE.07',
    'Loss of telecommunications',
    'Internet, telephone or network links provided by others are cut.',
  ),
  e(
    'pandemic',
    'TE.08',
    'Pandemic or widespread illness',
    'Many staff or suppliers are unavailable at once for an extended period.',
  ),
  e(
    'dust-pollution',
    'TE.09',
    'Dust, corrosion or pollution',
    'Dust, chemicals or corrosion damage equipment over time.',
  ),
];

export const threatUrn = (slug: string) => `urn:rampart:risk:threat:${slug}`;
