import type { Translation } from '../catalog.js';
import type { webhooks as en } from '../en/webhooks.js';

export const webhooks: Translation<typeof en> = {
  'webhooks.uRLRequired': () => `L’URL est obligatoire.`,
  'webhooks.uRLHaveAtMost': (p, n) => `L’URL peut compter au plus ${n(p.urlMax)} caractères.`,
  'webhooks.uRLContainSpacesControl': () => `L’URL ne peut contenir ni espaces ni caractères de contrôle.`,
  'webhooks.notUrlWriteAs': (p) => `${p.v} n’est pas une URL : écrivez-la comme https://partner.example.com/hooks/accueil.`,
  'webhooks.webhookUrlMustStart': () => `L’URL d’un webhook doit commencer par https:// (ou http://).`,
  'webhooks.webhookUrlHoldUser': () =>
    `L’URL d’un webhook ne peut contenir ni nom d’utilisateur ni mot de passe : authentifiez-vous avec le secret de signature.`,
  'webhooks.webhookUrlHaveFragment': () => `L’URL d’un webhook ne peut pas avoir de #fragment.`,
  'webhooks.uRLNamesNoHost': () => `L’URL ne nomme aucun hôte.`,
  'webhooks.accueilSendWebhooksWebhooks': (p) =>
    `Accueil ne peut pas envoyer de webhooks à ${p.hostname} : ${p.why}. Les webhooks ne vont qu’à des adresses publiques (WEBHOOK_ALLOW_PRIVATE=true lève cette limite).`,
  'webhooks.adminSignedInAccueil': () => `Seul un administrateur connecté à Accueil peut gérer les webhooks.`,
  'webhooks.chooseAtLeastOne': () => `Choisissez au moins un événement.`,
  'webhooks.secretMust16255': () =>
    `Le secret doit compter de 16 à 255 caractères ASCII visibles (lettres, chiffres, ponctuation ; sans espaces). Omettez-le pour en obtenir un nouveau.`,
};
